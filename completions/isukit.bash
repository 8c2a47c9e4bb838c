# Bash completion for the isukit tools: assess, budget, report-status, sponsor.
# Subcommands, options and the values of --format and --lang come from the tool's own --help,
# so they never drift from the program; --treaty names are the treaty files of the data
# directory ($ISUKIT_DATA, else the data installed beside the tool).

_isukit_help_section() { # tool [subcommand] section: the first words of a --help section
  "${@:1:$#-1}" --help 2>/dev/null |
    awk -v section="${!#}:" '$0 == section { on = 1; next } /^$/ { on = 0 } on { print $1 }'
}

_isukit_values() { # tool subcommand option-help-prefix: "a, b, c" after the prefix
  "$1" "$2" --help 2>/dev/null | sed -n "s/.*$3 \([a-z, ]*\)\$/\1/p" | tr -d ,
}

_isukit_treaties() {
  local data=${ISUKIT_DATA:-}
  if [ -z "$data" ]; then
    local exe; exe=$(command -v "$1") || return
    data=$(dirname "$(readlink -f "$exe")")/../share/isukit
  fi
  local file
  for file in "$data"/treaties/*.yaml; do
    [ -e "$file" ] && basename "$file" .yaml
  done
}

_isukit() {
  local tool=$1 cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local subcommands sub="" word
  subcommands=$(_isukit_help_section "$tool" Subcommands | tr "\n" " ")
  for word in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    if [[ " $subcommands " == *" $word "* ]]; then sub=$word; break; fi
  done
  if [ -z "$sub" ]; then
    mapfile -t COMPREPLY < <(compgen -W "$subcommands --help --version" -- "$cur")
    return
  fi
  case $prev in
  --format | -f) mapfile -t COMPREPLY < <(compgen -W "$(_isukit_values "$tool" "$sub" 'Output format:')" -- "$cur"); return ;;
  --lang) mapfile -t COMPREPLY < <(compgen -W "$(_isukit_values "$tool" "$sub" 'numbers:')" -- "$cur"); return ;;
  --treaty) mapfile -t COMPREPLY < <(compgen -W "$(_isukit_treaties "$tool")" -- "$cur"); compopt -o default 2>/dev/null; return ;;
  --data) compopt -o dirnames 2>/dev/null; COMPREPLY=(); return ;;
  esac
  if [[ $cur == -* ]]; then
    local options
    options=$(_isukit_help_section "$tool" "$sub" Options | tr ',' '\n' | sed -n 's/^\(--*[a-z-]*\).*/\1/p')
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    return
  fi
  compopt -o default 2>/dev/null
  COMPREPLY=()
}

complete -F _isukit assess budget report-status sponsor
