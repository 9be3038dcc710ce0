from breezeblock import configure
import settings


@configure
def app():
    return settings.PORT
