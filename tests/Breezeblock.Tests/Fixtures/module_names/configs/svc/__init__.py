from . import web
