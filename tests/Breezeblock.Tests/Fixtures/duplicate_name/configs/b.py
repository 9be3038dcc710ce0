from breezeblock import configure


@configure(name="db")
def another_db():
    return 2
