import sys
from breezeblock import configure
sys.exit(4)
