from quotetrace.cli import main

raise SystemExit(main())
