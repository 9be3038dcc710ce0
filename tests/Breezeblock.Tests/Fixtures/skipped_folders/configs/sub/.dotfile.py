nor this
