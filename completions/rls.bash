# bash completion for rls                                    -*- shell-script -*-
# Commands and options mirror `rls --help`; point, oil, routine, tag and medicine names
# and session numbers come from your own database via `rls __complete`.

_rls_values() {
    # $1: kind; uses the --db given on the command line, if any.
    local db=() i
    for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
        if [[ ${COMP_WORDS[i]} == --db ]]; then
            db=(--db "${COMP_WORDS[i + 1]}")
        fi
    done
    "${COMP_WORDS[0]}" "${db[@]}" __complete "$1" 2>/dev/null
}

_rls() {
    local cur prev words cword
    _init_completion -n = || return

    local commands="log guide rate tag skip irls took meds lab list report remind show edit delete points oils routines trial config demo export import backup check"
    local global="--db --color --no-input -q --quiet --version --help -h"
    local session_opts="--at -r --routine -n --rounds -p --point -o --oil -d --duration
        -b --before -a --after -t --tag --note --json"

    local cmd="" sub="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --db | --color) ((i++)) ;;
            -*) ;;
            *)
                if [[ -z $cmd ]]; then
                    cmd=${words[i]}
                elif [[ -z $sub && $cmd == @(points|oils) && ${words[i]} == add ]]; then
                    sub=add
                elif [[ -z $sub && $cmd == meds && ${words[i]} == @(add|remove) ]]; then
                    sub=${words[i]}
                elif [[ -z $sub && $cmd == took ]]; then
                    sub=dose
                elif [[ -z $sub && $cmd == routines && ${words[i]} == @(add|show|edit|remove|restore) ]]; then
                    sub=${words[i]}
                elif [[ -z $sub && $cmd == trial ]]; then
                    sub=${words[i]}
                fi
                ;;
        esac
    done

    case $prev in
        --db | -O | --out) _filedir; return ;;
        -f | --format)
            case $cmd in
                export) COMPREPLY=($(compgen -W "json csv" -- "$cur")) ;;
                report) COMPREPLY=($(compgen -W "text json csv html pdf" -- "$cur")) ;;
            esac
            return
            ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --paper) COMPREPLY=($(compgen -W "a4 letter" -- "$cur")); return ;;
        -r | --routine) COMPREPLY=($(compgen -W "$(_rls_values routines)" -- "$cur")); return ;;
        -p | --point)
            COMPREPLY=($(compgen -W "$(_rls_values points)" -S = -- "$cur"))
            compopt -o nospace
            return
            ;;
        --unset-point) COMPREPLY=($(compgen -W "$(_rls_values points)" -- "$cur")); return ;;
        -o | --oil | --unset-oil) COMPREPLY=($(compgen -W "$(_rls_values oils)" -- "$cur")); return ;;
        -t | --tag | --unset-tag) COMPREPLY=($(compgen -W "$(_rls_values tags)" -- "$cur")); return ;;
        --foot) COMPREPLY=($(compgen -W "left right" -- "$cur")); return ;;
        --design) COMPREPLY=($(compgen -W "pairs abba" -- "$cur")); return ;;
        --outcome) COMPREPLY=($(compgen -W "sleep restless" -- "$cur")); return ;;
        --first) COMPREPLY=($(compgen -W "tonight tomorrow" -- "$cur")); return ;;
        --blocks | --washout) return ;;
        --delete)
            # took and lab: the dose's or lab's number, newest first.
            if [[ $cmd == @(took|lab) ]]; then
                compopt -o nosort 2>/dev/null
                COMPREPLY=($(compgen -W "$(_rls_values ${cmd/took/dose}s | cut -f1)" -- "$cur"))
                return
            fi
            [[ $cmd == irls ]] && return # a date
            ;;
        --unit) COMPREPLY=($(compgen -W "mg mcg g ml iu tablet" -- "$cur")); return ;;
        --spread) COMPREPLY=($(compgen -W "legs arms trunk legs,arms legs,trunk legs,arms,trunk" -- "$cur")); return ;;
        --points)
            local prefix=""
            [[ $cur == *,* ]] && prefix=${cur%,*},
            COMPREPLY=($(compgen -P "$prefix" -W "$(_rls_values points)" -- "${cur##*,}"))
            compopt -o nospace
            return
            ;;
        --at | -n | --rounds | -d | --duration | -b | --before | -a | --after | --note | \
            --night | -s | --sleep | -R | --restless | --into-bed | --try-sleep | --latency | \
            --awakenings | --waso | --final-wake | --out-of-bed | -w | --weeks | --from | --to | \
            --name | --where | --description | --nights | --seed | --min-nights | --mid | --after | --pace | \
            --onset | --total | --date | --ferritin | --tsat)
            return
            ;;
    esac

    local opts=""
    case $cmd in
        "") opts="$global"
            if [[ $cur != -* ]]; then
                COMPREPLY=($(compgen -W "$commands" -- "$cur"))
                return
            fi
            ;;
        log) opts="$session_opts" ;;
        edit) opts="$session_opts --unset-point --unset-oil --unset-tag --replace" ;;
        rate) opts="--night -s --sleep -R --restless --into-bed --try-sleep --latency --awakenings
            --waso --final-wake --out-of-bed --note --onset --spread --replace --update --unset --delete -y --yes
            --json" ;;
        tag) opts="--night --remove --new --list --json" ;;
        skip) opts="--night --remove --json" ;;
        irls) opts="--total --date --replace --list --delete -y --yes --json" ;;
        took) opts="--at --new --list --delete -y --yes --json" ;;
        meds) [[ $sub == add ]] && opts="--unit --json" || opts="--json" ;;
        lab) opts="--ferritin --tsat --date --fasting --not-fasting --list --delete -y --yes --json" ;;
        list) opts="-w --weeks --from --to --json" ;;
        remind) opts="--after --exit-code --json" ;;
        report) opts="-w --weeks --from --to --min-nights --mid -f --format --json --csv -O --out --name --paper" ;;
        show) opts="--json" ;;
        delete) opts="-y --yes --json" ;;
        points) [[ $sub == add ]] && opts="--foot --name --where --json" || opts="--json" ;;
        oils) [[ $sub == add ]] && opts="--name --carrier --json" || opts="--json" ;;
        routines)
            case $sub in
                add | edit) opts="--points --description --json" ;;
                show | remove | restore) opts="--json" ;;
                *) opts="--json --all" ;;
            esac
            ;;
        trial)
            case $sub in
                start) opts="--blocks --design --washout --outcome --mid --first --seed --json" ;;
                show) opts="--reveal --canonical --json" ;;
                skip) opts="--night --json" ;;
                tonight | status | stop | list) opts="--json" ;;
                report) opts="--json --csv" ;;
            esac
            ;;
        guide) opts="-r --routine --pace --no-timer --quiet-bell --json --recover" ;;
        config) opts="--json" ;;
        demo) opts="--nights --seed -y --yes --json" ;;
        export) opts="-f --format -O --out" ;;
        import) opts="-n --dry-run --json" ;;
        backup) opts="-f --force --json" ;;
        check) opts="--json" ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts $global" -- "$cur"))
        return
    fi
    case $cmd in
        show | edit | delete)
            # Newest first, as rls lists them: not re-sorted as text.
            compopt -o nosort 2>/dev/null
            COMPREPLY=($(compgen -W "$(_rls_values sessions | cut -f1)" -- "$cur"))
            ;;
        points | oils) [[ -z $sub ]] && COMPREPLY=($(compgen -W "add" -- "$cur")) ;;
        routines)
            case $sub in
                "") COMPREPLY=($(compgen -W "add show edit remove restore" -- "$cur")) ;;
                show | edit | remove | restore) COMPREPLY=($(compgen -W "$(_rls_values routines)" -- "$cur")) ;;
            esac
            ;;
        trial)
            case $sub in
                "") COMPREPLY=($(compgen -W "start tonight skip show status stop report list" -- "$cur")) ;;
                show | report)
                    compopt -o nosort 2>/dev/null
                    COMPREPLY=($(compgen -W "$(_rls_values trials | cut -f1)" -- "$cur"))
                    ;;
                start)
                    # Arms hold a space ("standard x2"): one per line, quoted.
                    local IFS=$'\n' arm
                    COMPREPLY=()
                    for arm in $(compgen -W "$(_rls_values arms)" -- "${cur//\\/}"); do
                        COMPREPLY+=("$(printf '%q' "$arm")")
                    done
                    ;;
            esac
            ;;
        config)
            # One key, then its value: a key already given is not offered again.
            local word key=""
            for word in "${words[@]:1:cword-1}"; do
                [[ $word == @(cutoff|primary) ]] && key=$word
            done
            [[ -z $key ]] && COMPREPLY=($(compgen -W "cutoff primary" -- "$cur"))
            ;;
        tag) COMPREPLY=($(compgen -W "$(_rls_values tags)" -- "$cur")) ;;
        took) [[ -z $sub ]] && COMPREPLY=($(compgen -W "$(_rls_values medicines)" -- "$cur")) ;;
        meds)
            case $sub in
                "") COMPREPLY=($(compgen -W "add remove" -- "$cur")) ;;
                remove) COMPREPLY=($(compgen -W "$(_rls_values medicines)" -- "$cur")) ;;
            esac
            ;;
        import | backup) _filedir ;;
    esac
}
complete -F _rls rls
