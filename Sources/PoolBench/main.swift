// PLACEHOLDER: the pool benchmark.
print("pool-bench: placeholder")
