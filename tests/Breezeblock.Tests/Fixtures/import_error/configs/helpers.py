def parse_port(text):
    return int(text)
