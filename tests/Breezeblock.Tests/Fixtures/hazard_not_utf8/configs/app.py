from breezeblock import configure
# cafeé
