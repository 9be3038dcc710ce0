def check_port(port):
    if port > 65535:
        raise ValueError(f"port {port} is out of range")
    return port
