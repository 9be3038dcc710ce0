from . import helpers
from .helpers import NAME as helper_name
