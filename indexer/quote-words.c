/* quote-words.c — the word lists of indexer/quotes.c (see quote-words.h).
 *
 * Each table is sorted (strcmp order; tests/unit/test-quotes.c checks it)
 * and searched with bsearch(3).  The lists were written from general
 * knowledge of English news prose before the rules were tuned; the given
 * names are common English-language first names, there only so that "she
 * said" skips a Martin for a Camille.
 */
#include "quote-words.h"

#include <stdlib.h>
#include <string.h>

static const char *const cue_words[] = {
	"acknowledged", "acknowledges", "add", "added", "adds", "admits",
	"admitted", "advised", "advises", "agreed", "agrees", "alleged",
	"alleges", "announced", "announces", "answered", "answers", "argue",
	"argued", "argues", "ask", "asked", "asks", "asserted", "asserts",
	"begged", "begins", "boasted", "cautioned", "cautions", "claimed",
	"claims", "complained", "complains", "conceded", "concedes", "concluded",
	"concludes", "confirmed", "confirms", "contended", "contends",
	"continued", "continues", "countered", "counters", "declared", "declares",
	"demanded", "demands", "denied", "denies", "directed", "directs",
	"emailed", "emphasised", "emphasized", "ends", "exclaimed", "explained",
	"explains", "finds", "found", "insisted", "insists", "instructed",
	"instructs", "joked", "maintained", "maintains", "messaged", "mused",
	"noted", "notes", "objected", "objects", "observed", "observes", "opined",
	"pleaded", "posted", "predicted", "predicts", "promised", "promises",
	"quipped", "quoted", "quotes", "quoting", "reads", "recalled", "recalls",
	"recounted", "recounts", "remarked", "remarks", "repeated", "repeats",
	"replied", "replies", "reported", "reports", "responded", "responds",
	"ruled", "said", "say", "saying", "says", "shouted", "sighed", "snapped",
	"stated", "states", "stressed", "stresses", "suggested", "suggests",
	"tell", "telling", "tells", "testified", "testifies", "testify", "texted",
	"told", "tweeted", "urged", "urges", "warned", "warns", "whispered",
	"wondered", "wonders", "write", "writes", "writing", "written", "wrote",
	"yelled",
};

static const char *const weak_words[] = {
	"branded", "brands", "called", "calling", "calls", "characterised",
	"characterized", "described", "describes", "describing", "dismissed",
	"labeled", "labelled", "labels", "termed", "terms",
};

static const char *const doc_words[] = {
	"affidavit", "agreement", "answer", "audit", "brief", "bulletin", "chat",
	"chats", "complaint", "contract", "decision", "deck", "declaration",
	"diary", "document", "documents", "e-mail", "email", "emails", "entry",
	"exhibit", "filing", "filings", "guidance", "guidelines", "handbook",
	"indictment", "journal", "judgment", "lawsuit", "letter", "letters",
	"log", "logs", "manual", "materials", "memo", "memorandum", "message",
	"messages", "minute", "minutes", "motion", "note", "notebook", "notes",
	"notice", "objection", "opinion", "order", "petition", "plan", "policy",
	"post", "presentation", "press", "proposal", "record", "records",
	"release", "reply", "report", "response", "review", "ruling",
	"settlement", "slide", "slides", "statement", "statements", "stipulation",
	"study", "subpoena", "suit", "summary", "text", "transcript", "tweet",
	"verdict", "warrant",
};

static const char *const title_words[] = {
	"agent", "appeals", "assistant", "attorney", "bankruptcy", "capt.", "ceo",
	"chair", "chairman", "chairwoman", "chief", "circuit", "commissioner",
	"councilman", "councilmember", "councilwoman", "dame", "deputy",
	"detective", "district", "dr", "dr.", "father", "federal", "former",
	"gen.", "general", "gov.", "governor", "inspector", "judge", "justice",
	"lady", "lord", "lt.", "magistrate", "mayor", "minister", "miss", "mr",
	"mr.", "mrs", "mrs.", "ms", "ms.", "officer", "president", "prof",
	"prof.", "professor", "prosecutor", "rep.", "representative", "rev.",
	"secretary", "sen.", "senator", "sgt.", "sheriff", "sir", "sister",
	"special", "state", "superior", "supreme", "u.s.", "us",
};

static const char *const org_words[] = {
	"administration", "agency", "ai", "air", "airline", "airlines",
	"alliance", "analytics", "association", "authority", "bancorp", "bank",
	"board", "books", "bureau", "capital", "center", "centre", "church",
	"city", "clinic", "cloud", "club", "co", "co.", "coalition", "college",
	"commission", "committee", "company", "corp", "corp.", "corporation",
	"council", "county", "court", "daily", "data", "department", "district",
	"edtech", "energy", "entertainment", "exchange", "federation",
	"financial", "foods", "foundation", "fund", "games", "gazette", "group",
	"health", "herald", "holdings", "hospital", "inc", "inc.", "industries",
	"institute", "insurance", "international", "journal", "lab", "labs",
	"league", "line", "lines", "llc", "llp", "lp", "ltd", "ltd.", "market",
	"markets", "media", "ministry", "motors", "mutual", "network", "networks",
	"news", "office", "partners", "party", "pharma", "pharmaceuticals", "plc",
	"police", "post", "project", "properties", "property", "records",
	"review", "school", "schools", "securities", "service", "services",
	"society", "software", "state", "studio", "studios", "systems",
	"technologies", "technology", "times", "tribune", "trust", "union",
	"university",
};

static const char *const det_words[] = {
	"a", "an", "another", "each", "either", "her", "his", "its", "my", "one",
	"our", "some", "that", "the", "their", "these", "this", "those", "your",
};

static const char *const skip_words[] = {
	"again", "allegedly", "already", "also", "angrily", "bluntly", "calmly",
	"could", "did", "do", "does", "ever", "first", "flatly", "had", "has",
	"have", "herself", "himself", "itself", "just", "last", "later", "never",
	"not", "once", "only", "previously", "privately", "publicly", "quickly",
	"recently", "repeatedly", "reportedly", "separately", "simply", "still",
	"themselves", "then", "will", "would",
};

static const char *const stop_words[] = {
	"about", "after", "against", "although", "and", "are", "as", "at", "be",
	"because", "been", "before", "being", "between", "but", "by", "during",
	"for", "from", "how", "if", "in", "into", "is", "nor", "of", "on", "onto",
	"or", "over", "per", "since", "so", "than", "that", "though", "through",
	"to", "under", "unless", "until", "via", "was", "were", "what", "when",
	"where", "whether", "which", "while", "who", "whom", "whose", "why",
	"with", "yet",
};

static const char *const small_words[] = {
	"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into",
	"nor", "of", "on", "onto", "or", "over", "the", "to", "upon", "v", "v.",
	"vs", "vs.", "with",
};

static const char *const cal_words[] = {
	"april", "august", "december", "february", "friday", "january", "july",
	"june", "march", "may", "monday", "november", "october", "saturday",
	"september", "sunday", "thursday", "tuesday", "wednesday",
};

static const char *const starter_words[] = {
	"a", "about", "according", "after", "against", "all", "also", "although",
	"among", "an", "and", "another", "as", "asked", "at", "because", "before",
	"between", "both", "but", "by", "closing", "down", "drivers", "during",
	"each", "earlier", "eight", "either", "every", "families", "federal",
	"few", "five", "for", "former", "four", "from", "he", "her", "here",
	"his", "how", "however", "i", "if", "in", "inside", "into", "it", "its",
	"jurors", "last", "later", "lawyers", "many", "meanwhile", "most", "my",
	"neither", "never", "next", "nine", "no", "not", "off", "on", "once",
	"one", "opening", "other", "our", "outside", "over", "parents",
	"prosecutors", "residents", "seven", "several", "she", "since", "six",
	"so", "some", "still", "students", "such", "ten", "that", "the", "their",
	"then", "there", "these", "they", "this", "those", "though", "three",
	"through", "two", "under", "unless", "until", "up", "we", "what", "when",
	"where", "while", "who", "why", "with", "without", "yes", "yet",
};

static const char *const female_words[] = {
	"abigail", "ada", "adriana", "agnes", "aisha", "alice", "alicia",
	"alison", "amanda", "amelia", "amy", "ana", "andrea", "angela", "anita",
	"ann", "anna", "anne", "annie", "ashley", "audrey", "barbara", "beatrice",
	"bella", "bethany", "betty", "beverly", "brenda", "bridget", "camille",
	"carla", "carmen", "carol", "caroline", "catherine", "cecilia",
	"charlotte", "chloe", "christina", "christine", "claire", "clara",
	"claudia", "colleen", "cynthia", "daisy", "dana", "danielle", "deborah",
	"denise", "diana", "diane", "dolores", "donna", "dorothy", "eileen",
	"elaine", "eleanor", "elena", "elizabeth", "ella", "ellen", "emily",
	"emma", "erica", "erin", "esther", "eva", "evelyn", "fatima", "fiona",
	"frances", "gabriela", "gloria", "grace", "hannah", "harriet", "hazel",
	"heather", "helen", "helena", "ingrid", "irene", "isabel", "isabella",
	"jacqueline", "jane", "janet", "janice", "jasmine", "jean", "jennifer",
	"jessica", "joan", "joanna", "josephine", "joyce", "judith", "julia",
	"julie", "karen", "katherine", "kathleen", "kathryn", "kayla", "kelly",
	"kimberly", "laura", "lauren", "leah", "lillian", "linda", "lisa",
	"lucia", "lucy", "lydia", "madeleine", "margaret", "maria", "marie",
	"marilyn", "marina", "martha", "mary", "maya", "megan", "melissa", "mia",
	"michelle", "miriam", "monica", "nadia", "nancy", "naomi", "natalie",
	"nicole", "nina", "nora", "olivia", "pamela", "patricia", "paula",
	"pauline", "penelope", "phyllis", "priya", "rachel", "rebecca", "renee",
	"rita", "rosa", "rose", "ruth", "sabrina", "samantha", "sandra", "sara",
	"sarah", "sharon", "shirley", "simone", "sofia", "sonia", "sophia",
	"sophie", "stephanie", "susan", "suzanne", "sylvia", "tamara", "teresa",
	"theresa", "tiffany", "valerie", "vanessa", "veronica", "victoria",
	"virginia", "vivian", "wendy", "yolanda", "yvonne", "zoe",
};

static const char *const male_words[] = {
	"aaron", "adam", "adrian", "ahmed", "alan", "albert", "alejandro", "alex",
	"alexander", "ali", "andre", "andrew", "angelo", "anthony", "antonio",
	"arthur", "benjamin", "bernard", "bill", "bob", "brandon", "brian",
	"bruce", "calvin", "carl", "carlos", "charles", "chris", "christopher",
	"colin", "craig", "daniel", "david", "dennis", "derek", "diego", "dmitri",
	"donald", "douglas", "dylan", "edward", "elliot", "elliott", "eric",
	"ernest", "ethan", "eugene", "frank", "fred", "gary", "george", "gerald",
	"graham", "gregory", "harold", "harry", "henry", "howard", "hugo", "ian",
	"isaac", "ivan", "jack", "jacob", "james", "jason", "jeffrey", "jeremy",
	"jerry", "jesse", "joe", "john", "jonah", "jonathan", "jorge", "jose",
	"joseph", "joshua", "juan", "julian", "justin", "keith", "kenneth",
	"kevin", "kyle", "larry", "lawrence", "leo", "leonard", "louis", "lucas",
	"luis", "marcus", "mark", "martin", "matthew", "michael", "miguel",
	"mikhail", "mohammed", "nathan", "nicholas", "noah", "omar", "oren",
	"oscar", "patrick", "paul", "peter", "philip", "pierre", "rafael",
	"ralph", "ramon", "raymond", "ricardo", "richard", "robert", "roger",
	"ronald", "roy", "russell", "ryan", "samuel", "scott", "sean", "sergei",
	"simon", "stanley", "stephen", "steven", "theodore", "thomas", "timothy",
	"todd", "tomas", "tony", "trevor", "tyler", "victor", "vincent", "walter",
	"wayne", "william", "yusuf", "zachary",
};

static const char *const abbrev_words[] = {
	"apr", "aug", "capt", "co", "col", "corp", "dec", "dr", "e.g", "etc",
	"feb", "ft", "gen", "gov", "i.e", "inc", "jan", "jr", "lt", "ltd", "maj",
	"mar", "mr", "mrs", "ms", "mt", "nov", "oct", "prof", "rep", "rev", "sen",
	"sep", "sept", "sgt", "sr", "st", "u.s", "v", "vs",
};

struct table {
	const char *const *words; /* sorted */
	size_t n;                 /* entries */
};

#define TABLE(w) {w, sizeof w / sizeof *w}

static const struct table tables[WL_LAST] = {
	[WL_CUE] = TABLE(cue_words),
	[WL_WEAK_CUE] = TABLE(weak_words),
	[WL_DOC] = TABLE(doc_words),
	[WL_TITLE] = TABLE(title_words),
	[WL_ORG] = TABLE(org_words),
	[WL_DET] = TABLE(det_words),
	[WL_SKIP] = TABLE(skip_words),
	[WL_STOP] = TABLE(stop_words),
	[WL_SMALL] = TABLE(small_words),
	[WL_CALENDAR] = TABLE(cal_words),
	[WL_STARTER] = TABLE(starter_words),
	[WL_FEMALE] = TABLE(female_words),
	[WL_MALE] = TABLE(male_words),
	[WL_ABBREV] = TABLE(abbrev_words),
};

static int compare(const void *key, const void *item)
{
	return strcmp(key, *(const char *const *)item);
}

int word_in(enum word_list list, const char *word)
{
	const struct table *t = &tables[list];
	return bsearch(word, t->words, t->n, sizeof *t->words, compare) != NULL;
}

/* See quote-words.h. */
const char *word_at(enum word_list list, size_t i)
{
	return i < tables[list].n ? tables[list].words[i] : NULL;
}
