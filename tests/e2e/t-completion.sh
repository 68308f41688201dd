#!/bin/sh
# t-completion.sh — the shell completions in completions/.  bash: loaded
# in a subshell and driven through its completion function the way
# readline does (COMP_WORDS/COMP_CWORD): commands, options, option values,
# a field name after `field:`'s start, index folders.  The field list and
# the option values each completion carries are checked against the
# README's query table and `docket CMD --help`; zsh and fish files are
# syntax-checked (zsh -n, fish -n) and must carry the same lists.
. "$(dirname "$0")/lib.sh"
comp=$DOCKET_TOP/completions
PATH=$(dirname "$DOCKET"):$PATH
export PATH

# complete WORD...: what bash offers for the last WORD (sorted, one line).
complete_bash() {
	bash --norc --noprofile -c '
		. "$1/docket.bash"
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE="$*" COMP_POINT=${#COMP_LINE}
		_docket
		printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' - "$comp" "$@"
}

ok "bash: the file loads and registers docket" bash --norc --noprofile -c \
	'. "$1/docket.bash" && complete -p docket | grep -q _docket' - "$comp"
is "$(complete_bash docket se)" "search serve serve-shard " "bash: command names"
is "$(complete_bash docket search ti)" "title: " "bash: a field name"
is "$(complete_bash docket search da)" "date: " "bash: the date field"
is "$(complete_bash docket search --cite m)" "markdown " "bash: a --cite style"
is "$(complete_bash docket search --format "")" "json text trec " "bash: --format names"
is "$(complete_bash docket search --sort "")" "date relevance " "bash: --sort values"
is "$(complete_bash docket search --color = "")" "always auto never " "bash: --color=WHEN"
is "$(complete_bash docket search --per)" "--per-article " "bash: an option from --help"
mkdir -p "$tmp/idx-a" "$tmp/idx-b"
is "$(complete_bash docket search --index "$tmp/idx-")" "$tmp/idx-a $tmp/idx-b " \
	"bash: index folders after --index"

# The field list against the README's query table (every `name:` in it).
# (the table's rows only: the prose after it names non-fields like jduge:)
readme_fields=$(awk '/^### Query language/ { p = 1; next } p && /^#/ { exit } p && /^\|/' \
	"$DOCKET_TOP/README.md" |
	grep -oE '`[a-z]+:' | tr -d '`:' | sort -u | tr '\n' ' ')
bash_fields=$(sed -n 's/^_docket_fields="\(.*\)"/\1/p' "$comp/docket.bash" |
	tr ' ' '\n' | sort | tr '\n' ' ')
like "$readme_fields" 'title' "README's query table lists fields"
is "$bash_fields" "$readme_fields" "bash: the field names are the README's"
zsh_fields=$(sed -n 's/^	fields=(\(.*\))/\1/p' "$comp/_docket" | tr ' ' '\n' | sort | tr '\n' ' ')
is "$zsh_fields" "$readme_fields" "zsh: the field names are the README's"
fish_fields=$(grep -o "'title:[^']*'" "$comp/docket.fish" | tr -d "':" | tr ' ' '\n' |
	sort | tr '\n' ' ')
is "$fish_fields" "$readme_fields" "fish: the field names are the README's"

# Every value a completion offers is one --help names for that option.
for pair in search:--cite search:--format search:--sort search:--color show:--cite; do
	cmd=${pair%%:*} opt=${pair#*:}
	line=$(d "$cmd" --help | grep -E -- "$opt([ =[]|\$)")
	for v in $(bash --norc -c '. "$1/docket.bash"; _docket_values "$2"' - "$comp" "$opt"); do
		like "$line" "\\b$v\\b" "docket $cmd --help names $v for $opt"
	done
done

if command -v zsh >/dev/null; then
	ok "zsh -n _docket" zsh -n "$comp/_docket"
else
	echo "ok $((tap_n += 1)) # SKIP zsh is not installed"
fi
if command -v fish >/dev/null; then
	ok "fish -n docket.fish" fish -n "$comp/docket.fish"
	is "$(fish -c "source $comp/docket.fish; complete -C 'docket search ti'" | cut -f1)" \
		"title:" "fish: a field name"
else
	echo "ok $((tap_n += 1)) # SKIP fish is not installed"
fi
done_testing
