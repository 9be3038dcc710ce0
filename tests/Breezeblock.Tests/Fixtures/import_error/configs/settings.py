import helpers

PORT = helpers.parse_port("eighty")
