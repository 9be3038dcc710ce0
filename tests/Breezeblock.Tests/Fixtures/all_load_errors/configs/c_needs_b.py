import b_raises
