raise RuntimeError("b cannot load")
