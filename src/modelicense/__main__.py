import sys

from modelicense.cli import main

sys.exit(main())
