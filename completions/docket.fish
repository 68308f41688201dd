# fish completion for docket(1).  Commands and options come from the tool
# itself (`docket --help`, `docket CMD --help`); option values and query
# field names are listed here (checked by tests/e2e/t-completion.sh).

function __docket_commands
    docket --help 2>/dev/null | string match -r -g '^  ([a-z][a-z-]*) ' | string match -v help
end

function __docket_options
    set -l cmd (commandline -opc)[2]
    docket $cmd --help 2>/dev/null | string match -r -a -- '--[a-z][a-z0-9-]*' | sort -u
end

complete -c docket -f
complete -c docket -n __fish_use_subcommand -a '(__docket_commands)'
complete -c docket -n 'not __fish_use_subcommand' -a '(__docket_options)'
complete -c docket -n 'not __fish_use_subcommand' -l index -x -a '(__fish_complete_directories)'
complete -c docket -n '__fish_seen_subcommand_from search show' -l cite -x -a 'plain markdown bibtex'
complete -c docket -n '__fish_seen_subcommand_from search' -l format -x -a 'text json trec'
complete -c docket -n '__fish_seen_subcommand_from search' -l sort -x -a 'relevance date'
complete -c docket -n '__fish_seen_subcommand_from search show' -l color -x -a 'auto always never'
complete -c docket -n '__fish_seen_subcommand_from search' -a 'title: section: outlet: author: source: date: speaker: quote: case: docket: court: judge: exhibit: event: wire:'
complete -c docket -n '__fish_seen_subcommand_from index' -F
