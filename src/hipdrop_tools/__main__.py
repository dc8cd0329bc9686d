import sys

from hipdrop_tools.cli import main

sys.exit(main())
