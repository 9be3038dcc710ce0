from breezeblock import configure


@configure
def loop():
    d = {'children': []}
    d['children'].append(d)
    return d
