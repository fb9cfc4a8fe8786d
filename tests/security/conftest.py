from .scenario import *  # noqa: F403 - the shared fixtures of the matrix
