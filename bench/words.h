/* words.h — the fixed word lists of the corpus generator (bench/gen.c).
 *
 * Only gen.c includes this.  The lists are in rough order of how often the
 * generator should use them: gen.c gives the words Zipfian ranks in the
 * order FUNCTION_WORDS, then COMMON_WORDS and DOMAIN_WORDS interleaved, then
 * syllable-made pseudo-words for the long tail.  Changing any list changes
 * every generated corpus (and may make bench/queries.tsv miss), so append
 * rather than edit.
 */
#ifndef BENCH_WORDS_H
#define BENCH_WORDS_H

/* English function words, most frequent first. */
static const char FUNCTION_WORDS[] =
	"the of and to a in that is for it was on with as he be by at his "
	"this had not are but from or have an they which one you were her all "
	"she there would their we him been has when who will more no if out so "
	"said what up its about into than them can only other new some could "
	"time these two may then do first any my now such like our over man me "
	"even most made after also did many before must through back years where "
	"much your way well down should because each just those people how too "
	"little state good very make world still own see men work long get here "
	"between both life being under never day same another know while last "
	"might us great old year off come since against go came right used take "
	"three himself few house use during without again place around however "
	"home small found thought went say part once general high upon school "
	"every does got united left number course war until always away something "
	"fact though water less public put think almost hand enough far took head "
	"yet government system better set told nothing night end why called "
	"didn find going look asked later knew point next program city business "
	"give group toward young days let room president side social present "
	"given several order national possible rather second face per among form "
	"important often things looked early white case john become large big "
	"need four within felt along children saw best church ever least power "
	"development light thing seemed family interest want members others mind "
	"country area done although open god service certain kind problem began "
	"different door thus help sense means whole matter perhaps itself york "
	"times law human line above name example action company hands local show "
	"whether five history gave today either act feet across taken past quite "
	"anything seen having death experience body word half really field week "
	"already information tell together money period held keep sure probably "
	"free seems real behind cannot miss political air question making office "
	"brought whose special heard major problems ago became federal moment "
	"study available known result street economic boy position reason change "
	"south board individual job society areas west close turn love community "
	"true court force full seem control";

/* Everyday news prose: verbs, nouns and adjectives reporters reach for. */
static const char COMMON_WORDS[] =
	"according report reported statement spokesperson declined comment "
	"email interview week month monday tuesday wednesday thursday friday "
	"announced plans filed claims argued ruled decision ruling judge lawyers "
	"attorneys lawsuit complaint response alleged allegations company's "
	"users customers platform service services data privacy security "
	"products product market markets deal agreement billion million "
	"percent revenue profit growth investors shares stock price prices "
	"executive executives chief officer former current recent previous "
	"earlier later soon already including despite without within across "
	"industry technology software hardware device devices app apps online "
	"internet network networks content video videos search engine ads "
	"advertising advertisers news media journalists reporters publishers "
	"policy policies rules rule regulators regulation regulations "
	"officials agency agencies department commission congress senate "
	"lawmakers bill bills legislation proposal proposed vote voted "
	"support supported oppose opposed critics concerns concern issue "
	"issues questions question answer answers evidence documents document "
	"records record testimony witness witnesses trial hearing hearings "
	"appeal appeals judges jury verdict sentence sentenced charges charged "
	"guilty plea settlement settled damages fine fined penalty penalties "
	"million-dollar significant major minor key critical central broad "
	"narrow clear unclear likely unlikely possible impossible potential "
	"future past current ongoing pending final initial early late "
	"told says say saying added noted explained wrote argued suggested "
	"pointed insisted denied admitted acknowledged confirmed disputed "
	"claimed warned urged asked called sought seeks seeking wants wanted "
	"allowed allow allows blocked block blocks banned ban bans required "
	"require requires forced force forces prevented prevent prevents "
	"launched launch launches released release releases built build "
	"builds bought buy buys sold sell sells paid pay pays raised raise "
	"cut cuts lost lose loses won win wins faced face faces moved move "
	"moves shared share shares posted post posts created create creates "
	"changed change changes started start starts ended end ends";

/* Legal, technology and business vocabulary of court coverage. */
static const char DOMAIN_WORDS[] =
	"antitrust monopoly monopolist competition competitor competitors "
	"merger acquisition acquisitions divestiture injunction preliminary "
	"permanent restraining temporary motion dismiss dismissal dismissed "
	"summary judgment discovery deposition depositions subpoena subpoenas "
	"sealed unsealed redacted filing filings docket brief briefs amicus "
	"plaintiff plaintiffs defendant defendants counsel prosecutor "
	"prosecutors prosecution defense appellate circuit district supreme "
	"justices majority dissent dissenting concurring opinion opinions "
	"precedent statute statutes statutory constitutional unconstitutional "
	"amendment speech liability liable negligence fraud fraudulent "
	"copyright copyrighted infringement infringing patent patents "
	"trademark trademarks licensing license licenses licensed fair "
	"class-action arbitration arbitrator mediator remedy remedies "
	"jurisdiction venue standing moot ripe remand remanded reversed "
	"affirmed vacated overturned upheld struck enjoined contempt sanctions "
	"sanctioned perjury misconduct whistleblower whistleblowers "
	"employees employee employer contractors contractor labor union unions "
	"wages overtime classification misclassified gig drivers couriers "
	"algorithm algorithms artificial intelligence model models training "
	"trained dataset datasets chatbot chatbots generative scraping scraped "
	"crawler crawlers encryption encrypted backdoor surveillance "
	"biometric facial recognition tracking cookies consent opt-out "
	"children's minors teens age verification moderation moderators "
	"section misinformation disinformation election elections "
	"ballot campaign candidates deepfake deepfakes cryptocurrency crypto "
	"exchange token tokens securities commodities bankruptcy bankrupt "
	"creditors debtors restructuring receivership trustee auditor audit "
	"accounting disclosure disclosures shareholders shareholder board "
	"directors fiduciary duty breach contract contracts warranty "
	"warranties consumer consumers deceptive unfair practices "
	"marketplace marketplaces app-store developers developer payments "
	"commission fees fee steering anti-steering default defaults "
	"browser browsers smartphone smartphones operating cloud computing "
	"servers chips semiconductor semiconductors export exports tariffs "
	"sanctions telecom carrier carriers spectrum broadband satellite "
	"streaming subscribers subscription subscriptions royalties music "
	"labels artists authors books publishers newspapers archive archives "
	"library libraries outage outages breach breaches hackers hacking "
	"ransomware malware vulnerability vulnerabilities leak leaked leaks "
	"insider trading manipulation spoofing laundering bribery "
	"indictment indicted arraigned extradition extradited custody bail "
	"detention probation parole restitution forfeiture seized seizure "
	"warrant warrants search-warrant geofence location cellphone phones "
	"messages texts emails chats logs servers metadata backups "
	"transparency accountability oversight inspector watchdog ombudsman "
	"ftc doj sec fcc cfpb eeoc nlrb epa fda faa usda ftc's doj's sec's";

/* Multi-word units the generator emits as one vocabulary entry, so that
 * phrase and NEAR queries have something to find. */
static const char *const COLLOCATIONS[] = {
	"motion to dismiss", "summary judgment", "preliminary injunction",
	"class action", "district court", "court of appeals",
	"terms of service", "fair use", "free speech", "due process",
	"consent decree", "trade secrets", "jury trial", "oral arguments",
	"closing arguments", "expert witness", "search engine",
	"app store", "default search", "artificial intelligence",
	"training data", "section 230", "first amendment", "data breach",
	"securities fraud", "insider trading", "cease and desist",
	"restraining order", "public interest", "market power",
};

/* People, companies, courts and places for names and case captions. */
static const char *const FIRST_NAMES[] = {
	"Amit", "Ana", "Beatriz", "Carmen", "Chen", "Daniel", "David", "Elena",
	"Emily", "Fatima", "Grace", "Hannah", "Ibrahim", "James", "Jia",
	"Karen", "Kwame", "Laura", "Lucas", "Maria", "Mateo", "Michael",
	"Nadia", "Naomi", "Omar", "Priya", "Rachel", "Ravi", "Samuel", "Sarah",
	"Sofia", "Thomas", "Wei", "Yusuf", "Zoe", "Aaron", "Beth", "Colin",
	"Dana", "Evan",
};
static const char *const LAST_NAMES[] = {
	"Alvarez", "Brennan", "Castillo", "Donovan", "Eriksen", "Fischer",
	"Garcia", "Hoffman", "Iyer", "Jackson", "Kowalski", "Lindqvist",
	"Mehta", "Nakamura", "Okafor", "Patel", "Quinn", "Rosenberg",
	"Schwartz", "Tanaka", "Underwood", "Vasquez", "Whitfield", "Xu",
	"Yamamoto", "Zimmerman", "Abernathy", "Bhatt", "Caldwell", "Dubois",
	"Ellison", "Forsythe", "Gallagher", "Halvorsen", "Ingram", "Jovanovic",
};
static const char *const COMPANIES[] = {
	"Google", "Apple", "Amazon", "Meta", "Microsoft", "OpenAI", "Anthropic",
	"Epic Games", "Tesla", "Uber", "Lyft", "TikTok", "ByteDance", "Netflix",
	"Spotify", "Oracle", "Intel", "Nvidia", "Qualcomm", "Samsung",
	"Twitter", "X Corp.", "Coinbase", "Binance", "Ripple", "Verizon",
	"Comcast", "Disney", "Getty Images", "Stability AI", "Clearview AI",
	"Palantir", "Snap", "Reddit", "Valve", "Activision", "Nintendo",
	"Sony", "Cruise", "Waymo",
};
static const char *const GOVERNMENT[] = {
	"United States", "Federal Trade Commission", "Department of Justice",
	"Securities and Exchange Commission", "State of Texas",
	"State of California", "Commonwealth of Massachusetts", "New York",
	"European Commission", "Federal Communications Commission",
};
static const char *const COURTS[] = {
	"U.S. District Court for the Northern District of California",
	"U.S. District Court for the District of Columbia",
	"U.S. District Court for the Southern District of New York",
	"U.S. District Court for the Eastern District of Virginia",
	"U.S. District Court for the Western District of Washington",
	"Ninth Circuit Court of Appeals", "Second Circuit Court of Appeals",
	"D.C. Circuit Court of Appeals", "Fifth Circuit Court of Appeals",
	"Supreme Court", "Delaware Court of Chancery",
	"Court of Justice of the European Union",
};

/* Outlets: display name and the domain used for URLs and credits. */
static const char *const OUTLETS[][2] = {
	{"The Verge", "theverge.com"},     {"Wired", "wired.com"},
	{"Reuters", "reuters.com"},        {"Ars Technica", "arstechnica.com"},
	{"Bloomberg", "bloomberg.com"},    {"The New York Times", "nytimes.com"},
	{"The Washington Post", "washingtonpost.com"},
	{"Politico", "politico.com"},      {"Axios", "axios.com"},
	{"TechCrunch", "techcrunch.com"},  {"CNBC", "cnbc.com"},
	{"The Guardian", "theguardian.com"},
	{"Associated Press", "apnews.com"}, {"Law360", "law360.com"},
	{"Courthouse News", "courthousenews.com"},
	{"The Information", "theinformation.com"},
	{"Engadget", "engadget.com"},      {"404 Media", "404media.co"},
	{"Lawfare", "lawfaremedia.org"},   {"Semafor", "semafor.com"},
};

/* Section headings (the structured shape writes "## H", the flattened one
 * "### H" inline). */
static const char *const HEADINGS[] = {
	"What happened", "Why did the judge rule?", "What the lawsuit claims",
	"What comes next", "How the company responded", "Background",
	"What the ruling means", "Who is affected?", "The arguments",
	"What the filings show", "Reaction", "The bigger picture",
	"What regulators want", "Why it matters", "The evidence",
	"What the jury heard", "Timeline", "What experts say",
};

/* Title patterns: %C company, %D other party, %W a domain word. */
static const char *const TITLE_PATTERNS[] = {
	"Judge rules %C must face %W lawsuit",
	"%C loses bid to dismiss %W claims",
	"%C v. %D: what the %W ruling means",
	"Appeals court revives %W case against %C",
	"%D sues %C over %W",
	"%C settles %W suit with %D",
	"Jury finds %C liable in %W trial",
	"%C asks Supreme Court to hear %W appeal",
	"Filings reveal how %C handled %W",
	"%C wins %W fight against %D",
	"Regulators push %C on %W in court",
	"Inside the %W case that could reshape %C",
};

#endif
