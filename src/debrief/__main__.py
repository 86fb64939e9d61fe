from debrief.cli import main

raise SystemExit(main())
