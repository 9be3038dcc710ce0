from breezeblock import configure


@configure
def alpha(gamma):
    return gamma


@configure
def beta(alpha):
    return alpha


@configure
def gamma(beta):
    return beta


@configure
def selfish(selfish):
    return selfish
