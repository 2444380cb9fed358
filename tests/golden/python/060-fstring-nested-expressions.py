w = [0.2975, -0.2548, -0.1119]
print(f"{sum(w):.4f} {max(w)} {min(w):.2f}")
print(f"{len(w)} weights: {[round(v, 2) for v in w]}")
print(f"{'left':<8}{'right':>8}")
print(f"{w[0]:8.4f}{w[1]:8.4f}{w[2]:8.4f}")
