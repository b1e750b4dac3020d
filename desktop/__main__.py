import sys

if sys.argv[1:2] == ["report"]:  # python -m desktop report …: reports with charts and PDF, no window
    from .report_cli import main as report_main

    sys.exit(report_main(sys.argv[2:]))

from .app import main

sys.exit(main())
