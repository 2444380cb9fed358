n = 42
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}")
print(f"{n:x} {n:X} {n:o} {n:b}")
print(f"{1234567:,} {1234567:_}")
print(f"{n:+d} {-n:d}")
print(f"{n:.2f} {n:e}")
print(f"{7:3}|{'ab':5}|{'ab':>5}|")
