// Placeholder: the queue benchmark arrives with make bench.
print("QueueBench: not written yet")
