# fish completion for rls. Commands and options mirror `rls --help`; names and
# session numbers come from your own database via `rls __complete`.

function __rls_values
    set -l tokens (commandline -opc)
    set -l db
    set -l i (contains -i -- --db $tokens)
    and set db --db $tokens[(math $i + 1)]
    command rls $db __complete $argv[1] 2>/dev/null
end

function __rls_in_add
    __fish_seen_subcommand_from $argv[1]; and __fish_seen_subcommand_from add
end

function __rls_not_in_add
    __fish_seen_subcommand_from $argv[1]; and not __fish_seen_subcommand_from add
end

set -l commands log guide rate tag skip irls took meds lab list report remind show edit delete points oils routines trial config demo export import backup check
complete -c rls -f

# Global options
complete -c rls -l db -r -F -d 'Database file'
complete -c rls -l color -x -a 'auto always never' -d 'Colour output'
complete -c rls -l no-input -d 'Never ask questions'
complete -c rls -s q -l quiet -d 'No confirmations'
complete -c rls -l version -d 'Print the version'
complete -c rls -s h -l help -d 'Print help'

# Commands
set -l top "not __fish_seen_subcommand_from $commands"
complete -c rls -n $top -a log -d 'Record an evening massage session'
complete -c rls -n $top -a guide -d 'Walk through the routine with timers, then log it'
complete -c rls -n $top -a rate -d 'Rate last night (in the morning)'
complete -c rls -n $top -a tag -d 'Tag a night (caffeine, alcohol, ...)'
complete -c rls -n $top -a skip -d 'Mark a night as without massage on purpose'
complete -c rls -n $top -a irls -d "Record this week's IRLS item scores"
complete -c rls -n $top -a took -d 'Record a dose of a medicine'
complete -c rls -n $top -a meds -d 'List or add medicines'
complete -c rls -n $top -a lab -d 'Record iron labs'
complete -c rls -n $top -a list -d 'List nights with sessions and ratings'
complete -c rls -n $top -a remind -d 'Say what is due now'
complete -c rls -n $top -a report -d 'Which routines preceded better nights'
complete -c rls -n $top -a show -d 'Show one session in full'
complete -c rls -n $top -a edit -d 'Change a session'
complete -c rls -n $top -a delete -d 'Delete a session'
complete -c rls -n $top -a points -d 'List or add reflexology points'
complete -c rls -n $top -a oils -d 'List or add oils'
complete -c rls -n $top -a routines -d 'List or add routines'
complete -c rls -n $top -a trial -d 'A randomised trial of 2 to 4 variants'
complete -c rls -n $top -a config -d 'Show or change settings'
complete -c rls -n $top -a demo -d 'Fill an empty database with sample data'
complete -c rls -n $top -a export -d 'Export everything as JSON or CSV'
complete -c rls -n $top -a import -d 'Import an rls export'
complete -c rls -n $top -a backup -d 'Copy the live database safely'
complete -c rls -n $top -a check -d 'Check the database'

# log and edit
set -l session '__fish_seen_subcommand_from log edit'
complete -c rls -n $session -l at -x -d 'When the massage started'
complete -c rls -n $session -s r -l routine -x -a '(__rls_values routines)' -d 'Routine followed'
complete -c rls -n $session -s n -l rounds -x -d 'Rotations through the routine, 1-10'
complete -c rls -n $session -s p -l point -x -a '(__rls_values points | string replace -r \'$\' =)' -d 'Tenderness ID=N'
complete -c rls -n $session -s o -l oil -x -a '(__rls_values oils)' -d 'Oil used, ID[:DROPS]'
complete -c rls -n $session -s d -l duration -x -d 'How long it took'
complete -c rls -n $session -s b -l before -x -d 'Restlessness before, 0-10'
complete -c rls -n $session -s a -l after -x -d 'Restlessness after, 0-10'
complete -c rls -n $session -s t -l tag -x -a '(__rls_values tags)' -d 'A tag such as caffeine'
complete -c rls -n $session -l note -x -d 'A free-text note'
complete -c rls -n $session -l json -d 'Print the stored session as JSON'
complete -c rls -n '__fish_seen_subcommand_from edit' -l unset-point -x -a '(__rls_values points)' -d 'Remove one point'
complete -c rls -n '__fish_seen_subcommand_from edit' -l unset-oil -x -a '(__rls_values oils)' -d 'Remove one oil'
complete -c rls -n '__fish_seen_subcommand_from edit' -l unset-tag -x -a '(__rls_values tags)' -d 'Remove one tag'
complete -c rls -n '__fish_seen_subcommand_from edit' -l replace -d 'Lists given replace the whole list'
# Newest first (-k keeps rls's order), each with its night and routine.
complete -c rls -k -n '__fish_seen_subcommand_from show edit delete; and not __fish_seen_subcommand_from trial' -a '(__rls_values sessions)'

# rate
set -l rate '__fish_seen_subcommand_from rate'
complete -c rls -n $rate -l night -x -d 'Night to rate, YYYY-MM-DD'
complete -c rls -n $rate -s s -l sleep -x -d 'Sleep quality 0-10'
complete -c rls -n $rate -s R -l restless -x -d 'Night-time restlessness 0-10'
complete -c rls -n $rate -l into-bed -x -d 'Diary: time into bed'
complete -c rls -n $rate -l try-sleep -x -d 'Diary: time trying to sleep'
complete -c rls -n $rate -l latency -x -d 'Diary: time to fall asleep'
complete -c rls -n $rate -l awakenings -x -d 'Diary: times woken'
complete -c rls -n $rate -l waso -x -d 'Diary: time awake after sleep onset'
complete -c rls -n $rate -l final-wake -x -d 'Diary: final awakening'
complete -c rls -n $rate -l out-of-bed -x -d 'Diary: time out of bed'
complete -c rls -n $rate -l note -x -d 'A free-text note'
complete -c rls -n $rate -l onset -x -d 'When symptoms began, HH:MM'
complete -c rls -n $rate -l spread -x -a 'legs arms trunk legs,arms legs,trunk legs,arms,trunk' -d 'Where symptoms were felt'
complete -c rls -n $rate -l replace -d 'Replace an existing rating'
complete -c rls -n $rate -l update -d 'Change only the fields given'
complete -c rls -n $rate -l unset -x -a 'sleep restless into-bed try-sleep latency waso awakenings final-wake out-of-bed note onset spread' -d 'Clear one field'
complete -c rls -n $rate -l delete -d "Delete the night's rating"
complete -c rls -n $rate -s y -l yes -d 'With --delete: without asking'

# what is tracked beyond the massage
set -l tag '__fish_seen_subcommand_from tag'
complete -c rls -n $tag -a '(__rls_values tags)' -d Tag
complete -c rls -n '__fish_seen_subcommand_from tag skip' -l night -x -d 'Night, YYYY-MM-DD'
complete -c rls -n '__fish_seen_subcommand_from tag skip' -l remove -d 'Take it off the night'
complete -c rls -n '__fish_seen_subcommand_from tag took' -l new -d 'New even if close to a known name'
complete -c rls -n '__fish_seen_subcommand_from tag irls took lab' -l list -d 'List what is recorded'
complete -c rls -n '__fish_seen_subcommand_from tag skip irls took meds lab' -l json -d 'Print as JSON'
complete -c rls -n '__fish_seen_subcommand_from irls' -l total -x -d 'Only the total, 0-40'
complete -c rls -n '__fish_seen_subcommand_from irls lab' -l date -x -d 'Date, YYYY-MM-DD'
complete -c rls -n '__fish_seen_subcommand_from irls' -l replace -d "Replace the week's entry"
complete -c rls -n '__fish_seen_subcommand_from took' -a '(__rls_values medicines)' -d Medicine
complete -c rls -n '__fish_seen_subcommand_from took' -l at -x -d 'When it was taken'
complete -c rls -k -n '__fish_seen_subcommand_from took' -l delete -x -a '(__rls_values doses)' -d 'Delete a dose recorded by mistake'
complete -c rls -k -n '__fish_seen_subcommand_from lab' -l delete -x -a '(__rls_values labs)' -d 'Delete a lab recorded by mistake'
complete -c rls -n '__fish_seen_subcommand_from irls' -l delete -x -d "Delete the entry of the week holding this day"
complete -c rls -n '__fish_seen_subcommand_from irls took lab' -s y -l yes -d 'With --delete: without asking'
complete -c rls -n '__fish_seen_subcommand_from meds; and not __fish_seen_subcommand_from add remove' -a 'add' -d 'Add a medicine'
complete -c rls -n '__fish_seen_subcommand_from meds; and not __fish_seen_subcommand_from add remove' -a 'remove' -d 'Remove a medicine'
complete -c rls -n '__fish_seen_subcommand_from meds; and __fish_seen_subcommand_from remove' -a '(__rls_values medicines)' -d Medicine
complete -c rls -n '__rls_in_add meds' -l unit -x -a 'mg mcg g ml iu tablet' -d 'Unit of its doses'
complete -c rls -n '__fish_seen_subcommand_from lab' -l ferritin -x -d 'Ferritin, ng/mL'
complete -c rls -n '__fish_seen_subcommand_from lab' -l tsat -x -d 'Transferrin saturation, %'
complete -c rls -n '__fish_seen_subcommand_from lab' -l fasting -d 'Drawn fasting'
complete -c rls -n '__fish_seen_subcommand_from lab' -l not-fasting -d 'Drawn not fasting'
complete -c rls -n $rate -l json -d 'Print as JSON'

# list, show, delete
complete -c rls -n '__fish_seen_subcommand_from list report' -s w -l weeks -x -d 'Weeks back'
complete -c rls -n '__fish_seen_subcommand_from list report' -l from -x -d 'First night'
complete -c rls -n '__fish_seen_subcommand_from list report' -l to -x -d 'Last night'
complete -c rls -n '__fish_seen_subcommand_from list report show' -l json -d 'Print as JSON'
complete -c rls -n '__fish_seen_subcommand_from report' -l min-nights -x -d 'Rated nights needed on each side'
complete -c rls -n '__fish_seen_subcommand_from report' -l mid -x -d 'Smallest difference that matters, in points'
complete -c rls -n '__fish_seen_subcommand_from report' -l csv -d 'Print as CSV'
complete -c rls -n '__fish_seen_subcommand_from report' -s f -l format -x -a 'text json csv html pdf' -d 'Output format'
complete -c rls -n '__fish_seen_subcommand_from report' -s O -l out -r -F -d 'Write to a file'
complete -c rls -n '__fish_seen_subcommand_from report' -l name -x -d 'Name for the HTML or PDF header'
complete -c rls -n '__fish_seen_subcommand_from report' -l paper -x -a 'a4 letter' -d 'Paper of the printed page'
complete -c rls -n '__fish_seen_subcommand_from delete' -s y -l yes -d 'Do not ask'
complete -c rls -n '__fish_seen_subcommand_from delete' -l json -d 'Print as JSON'

# catalog
complete -c rls -n '__rls_not_in_add points' -a add -d 'Add a point'
complete -c rls -n '__rls_not_in_add oils' -a add -d 'Add an oil'
complete -c rls -n '__fish_seen_subcommand_from routines; and not __fish_seen_subcommand_from add show edit remove restore' -a 'add' -d 'Add a routine'
complete -c rls -n '__fish_seen_subcommand_from routines; and not __fish_seen_subcommand_from add show edit remove restore' -a 'show' -d 'Show a routine'
complete -c rls -n '__fish_seen_subcommand_from routines; and not __fish_seen_subcommand_from add show edit remove restore' -a 'edit' -d 'Change a routine'
complete -c rls -n '__fish_seen_subcommand_from routines; and not __fish_seen_subcommand_from add show edit remove restore' -a 'remove' -d 'Remove a routine'
complete -c rls -n '__fish_seen_subcommand_from routines; and not __fish_seen_subcommand_from add show edit remove restore' -a 'restore' -d 'Bring back a removed routine'
complete -c rls -n '__fish_seen_subcommand_from routines; and not __fish_seen_subcommand_from add show edit remove restore' -l all -d 'Include removed routines'
complete -c rls -n '__fish_seen_subcommand_from routines; and __fish_seen_subcommand_from show edit remove restore' -a '(__rls_values routines)' -d Routine
complete -c rls -n '__fish_seen_subcommand_from routines; and __fish_seen_subcommand_from edit' -l points -x -a '(__rls_values points)' -d 'Points in order'
complete -c rls -n '__fish_seen_subcommand_from routines; and __fish_seen_subcommand_from edit' -l description -x -d 'Description'
complete -c rls -n '__fish_seen_subcommand_from routines; and __fish_seen_subcommand_from show edit remove restore' -l json -d 'Print as JSON'
complete -c rls -n '__fish_seen_subcommand_from points oils routines; and not __fish_seen_subcommand_from add' -l json -d 'Print as JSON'
complete -c rls -n '__rls_in_add points' -l foot -x -a 'left right' -d 'Which foot'
complete -c rls -n '__rls_in_add points' -l name -x -d 'Short name'
complete -c rls -n '__rls_in_add points' -l where -x -d 'Where on the foot'
complete -c rls -n '__rls_in_add oils' -l name -x -d 'Display name'
complete -c rls -n '__rls_in_add oils' -l carrier -d 'A carrier oil'
complete -c rls -n '__rls_in_add routines' -l points -x -a '(__rls_values points)' -d 'Points in order, comma-separated'
complete -c rls -n '__rls_in_add routines' -l description -x -d 'What the routine is'

# guide
set -l g '__fish_seen_subcommand_from guide'
complete -c rls -n $g -s r -l routine -x -a '(__rls_values routines)' -d 'Routine to follow'
complete -c rls -n $g -l pace -x -d 'Scale every timer'
complete -c rls -n $g -l no-timer -d 'Wait for Enter instead of timers'
complete -c rls -n $g -l quiet-bell -d 'No bell after each hold'
complete -c rls -n $g -l recover -d 'Store sessions an earlier run could not save'
complete -c rls -n $g -l json -d 'Print the session as JSON'

# remind
complete -c rls -n '__fish_seen_subcommand_from remind' -l after -x -d 'Evening reminder from, HH:MM'
complete -c rls -n '__fish_seen_subcommand_from remind' -l exit-code -d 'Exit 1 when something is due'
complete -c rls -n '__fish_seen_subcommand_from remind' -l json -d 'Print as JSON'
complete -c rls -n '__rls_in_add points; or __rls_in_add oils; or __rls_in_add routines' -l json -d 'Print as JSON'

# trial
set -l tsubs start tonight skip show status stop report list
set -l tnone "__fish_seen_subcommand_from trial; and not __fish_seen_subcommand_from $tsubs"
complete -c rls -n $tnone -a start -d 'Plan a trial and fix its schedule'
complete -c rls -n $tnone -a tonight -d "Tonight's arm"
complete -c rls -n $tnone -a skip -d 'Record a night without a massage'
complete -c rls -n $tnone -a show -d 'The protocol and fingerprint'
complete -c rls -n $tnone -a status -d 'Progress and adherence'
complete -c rls -n $tnone -a stop -d 'End the trial early'
complete -c rls -n $tnone -a report -d 'The analysis and decision'
complete -c rls -n $tnone -a list -d 'Every trial and its state'
complete -c rls -k -n '__fish_seen_subcommand_from trial; and __fish_seen_subcommand_from show report' -a '(__rls_values trials)'
complete -c rls -n '__fish_seen_subcommand_from trial; and __fish_seen_subcommand_from report' -l csv -d 'Print as CSV'
set -l ts '__fish_seen_subcommand_from trial; and __fish_seen_subcommand_from start'
complete -c rls -n $ts -a '(__rls_values arms)' -d Arm
complete -c rls -n $ts -l blocks -x -d 'Blocks, 2-50'
complete -c rls -n $ts -l design -x -a 'pairs abba' -d 'Block design'
complete -c rls -n $ts -l washout -x -d 'Nights not analysed after a switch'
complete -c rls -n $ts -l outcome -x -a 'sleep restless' -d 'Primary outcome'
complete -c rls -n $ts -l mid -x -d 'Difference that matters'
complete -c rls -n $ts -l first -x -a 'tonight tomorrow' -d 'First night'
complete -c rls -n $ts -l seed -x -d 'Seed of the schedule'
complete -c rls -n '__fish_seen_subcommand_from trial; and __fish_seen_subcommand_from show' -l reveal -d 'Show nights to come'
complete -c rls -n '__fish_seen_subcommand_from trial; and __fish_seen_subcommand_from show' -l canonical -d 'The fingerprinted text'
complete -c rls -n '__fish_seen_subcommand_from trial; and __fish_seen_subcommand_from skip' -l night -x -d 'The night'
complete -c rls -n "__fish_seen_subcommand_from trial; and __fish_seen_subcommand_from $tsubs" -l json -d 'Print as JSON'

# config and demo
# One key, then its value: a key already given is not offered again.
complete -c rls -n '__fish_seen_subcommand_from config; and not __fish_seen_subcommand_from cutoff primary' -a cutoff -d 'Night cut-off time'
complete -c rls -n '__fish_seen_subcommand_from config; and not __fish_seen_subcommand_from cutoff primary' -a primary -d 'Primary comparison of the report'
complete -c rls -n '__fish_seen_subcommand_from config' -l json -d 'Print as JSON'
complete -c rls -n '__fish_seen_subcommand_from demo' -l nights -x -d 'How many nights'
complete -c rls -n '__fish_seen_subcommand_from demo' -l seed -x -d 'Random seed'
complete -c rls -n '__fish_seen_subcommand_from demo' -s y -l yes -d 'Fill a database not named as new'
complete -c rls -n '__fish_seen_subcommand_from demo' -l json -d 'Print as JSON'

# export, import, backup, check
complete -c rls -n '__fish_seen_subcommand_from export' -s f -l format -x -a 'json csv' -d 'Output format'
complete -c rls -n '__fish_seen_subcommand_from export' -s O -l out -r -F -d 'Write to a file'
complete -c rls -n '__fish_seen_subcommand_from import' -s n -l dry-run -d 'Change nothing'
complete -c rls -n '__fish_seen_subcommand_from import backup' -F -d File
complete -c rls -n '__fish_seen_subcommand_from import backup check' -l json -d 'Print as JSON'
complete -c rls -n '__fish_seen_subcommand_from backup' -s f -l force -d 'Replace an existing file'
