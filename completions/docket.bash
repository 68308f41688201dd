# bash completion for docket(1).
#
# Commands and options come from the installed tool itself (`docket
# --help`, `docket CMD --help`), so they cannot drift from it; option values
# and query field names are listed here, and tests/e2e/t-completion.sh
# checks them against --help and the README's query table.

_docket_fields="title section outlet author source date speaker quote case docket court judge exhibit event wire"

# Print the commands `docket --help` lists (all but help).
_docket_commands() {
	"${COMP_WORDS[0]}" --help 2>/dev/null |
		sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' | grep -vx help
}

# Print the long and short options `docket CMD --help` shows.
_docket_options() {
	"${COMP_WORDS[0]}" "$1" --help 2>/dev/null |
		grep -oE -- '(^ +-[a-zA-Z],|--[a-z][a-z0-9-]*)' | tr -d ' ,' | sort -u
}

# The values OPTION takes, or nothing when it takes a free-form argument.
_docket_values() {
	case $1 in
	--cite) echo "plain markdown bibtex" ;;
	--format) echo "text json trec" ;;
	--sort) echo "relevance date" ;;
	--color) echo "auto always never" ;;
	esac
}

_docket() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local cmd="" i
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	COMPREPLY=()
	if [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W "$(_docket_commands) --help" -- "$cur"))
		return
	fi
	# --color=WHEN: COMP_WORDBREAKS splits it into --color, =, WHEN.
	if [[ $prev == = ]]; then
		prev=${COMP_WORDS[COMP_CWORD-2]}
	elif [[ $cur == = ]]; then
		cur=""
	fi
	local values
	values=$(_docket_values "$prev")
	if [[ -n $values ]]; then
		COMPREPLY=($(compgen -W "$values" -- "$cur"))
		return
	fi
	case $prev in
	--index)
		# an index folder, or a stub file of shards
		COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.stub' -- "$cur"))
		compopt -o filenames 2>/dev/null
		return ;;
	--lang | --shards | --exclude | --max-size | --batch | -n | --limit | \
	--offset | --per-article | --qid | --bm25 | --min-normlen | \
	--title-weight | --feedback | --snippet-bytes | -C | --context | \
	-q | --query | --listen | --timeout)
		[[ $cmd == index && $prev == -q ]] || return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_docket_options "$cmd")" -- "$cur"))
		return
	fi
	case $cmd in
	search)
		# field names before a colon (':' is a word break, so a field's
		# value is a word of its own and gets nothing)
		[[ $prev == : ]] && return
		COMPREPLY=($(compgen -S : -W "$_docket_fields" -- "$cur"))
		compopt -o nospace 2>/dev/null ;;
	index)
		COMPREPLY=($(compgen -f -- "$cur"))
		compopt -o filenames 2>/dev/null ;;
	esac
}
complete -F _docket docket
