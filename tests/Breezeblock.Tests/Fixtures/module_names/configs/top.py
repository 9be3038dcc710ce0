from breezeblock import configure
import more.extra
import svc
from svc import web


@configure
def names():
    return [__name__, more.extra.__name__, svc.__name__, web.__name__, web.helper_name]
