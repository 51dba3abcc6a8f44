# bash completion for todoke(1).  Installed as
# PREFIX/share/bash-completion/completions/todoke.
_todoke()
{
	local cur prev words cword
	if declare -F _init_completion >/dev/null 2>&1; then
		_init_completion || return
	else
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD-1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
	fi

	case $prev in
	-o|--output|--attach|-A|--file)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	-e|--encoding)
		COMPREPLY=($(compgen -W "utf-8 cp932 shift_jis iso-2022-jp euc-jp" -- "$cur"))
		return ;;
	--format)
		COMPREPLY=($(compgen -W "text html" -- "$cur"))
		return ;;
	-t|--title|--today|--date|--kind|--since|--name)
		return ;;
	--dir)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	--document)
		COMPREPLY=($(compgen -W "$("${words[0]:-todoke}" forms 2>/dev/null |
			awk -F'\t' '$1 == "export" { print $2 }')" -- "$cur"))
		return ;;
	esac
	case $cur in
	--*=*)
		local opt=${cur%%=*} val=${cur#*=}
		case $opt in
		--encoding) COMPREPLY=($(compgen -P "$opt=" -W "utf-8 cp932 shift_jis iso-2022-jp euc-jp" -- "$val")) ;;
		--output|--attach) COMPREPLY=($(compgen -P "$opt=" -f -- "$val")) ;;
		--format) COMPREPLY=($(compgen -P "$opt=" -W "text html" -- "$val")) ;;
		esac
		return ;;
	-*)
		COMPREPLY=($(compgen -W "--output --all --title --today --encoding --substitute
			--crlf --eml --attach --format --help --version
			--date --kind --file --since --document --changes --name --dir" -- "$cur"))
		return ;;
	esac

	# The command, then its operands.
	local i cmd= nargs=0
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		-o|--output|-e|--encoding|-t|--title|--attach|--format) ((i++)) ;;
		--date|--kind|--file|--since|--document|--name|--dir) ((i++)) ;;
		-*) ;;
		*) [ -z "$cmd" ] && cmd=${words[i]} || ((nargs++)) ;;
		esac
	done
	case $cmd in
	"")
		COMPREPLY=($(compgen -W "new export check deadlines forms
			submit submissions diff history whoami" -- "$cur"))
		COMPREPLY+=($(compgen -f -X '!*.incident' -- "$cur"))
		compopt -o filenames 2>/dev/null ;;
	export)
		if [ "$nargs" -eq 0 ]; then
			# The documents of the installed registry, as `todoke forms`
			# lists them (export ID FORM FORMATS TITLE).
			local docs
			docs=$("${words[0]}" forms 2>/dev/null | awk -F'\t' '$1 == "export" { print $2 }')
			COMPREPLY=($(compgen -W "$docs" -- "$cur"))
		else
			COMPREPLY=($(compgen -f -X '!*.incident' -- "$cur"))
			compopt -o filenames 2>/dev/null
		fi ;;
	new|check|deadlines|submissions|diff|history)
		# history INCIDENT QUESTION: the question is the user's to type.
		[ "$cmd" = history ] && [ "$nargs" -ge 1 ] && return
		COMPREPLY=($(compgen -f -X '!*.incident' -- "$cur"))
		compopt -o filenames 2>/dev/null ;;
	whoami)
		COMPREPLY=($(compgen -W "--name" -- "$cur")) ;;
	submit)
		if [ "$nargs" -eq 0 ]; then
			local docs
			docs=$("${words[0]}" forms 2>/dev/null | awk -F'\t' '$1 == "export" { print $2 }')
			COMPREPLY=($(compgen -W "$docs" -- "$cur"))
		else
			COMPREPLY=($(compgen -f -X '!*.incident' -- "$cur"))
			compopt -o filenames 2>/dev/null
		fi ;;
	esac
}
complete -F _todoke todoke
