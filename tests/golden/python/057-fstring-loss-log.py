losses = [1.2345678, 0.87654321, 0.5, 0.0001234]
for epoch, loss in enumerate(losses):
    print(f"epoch {epoch:2d}  loss {loss:.4f}  ({loss:.2e})")
print(f"final: {losses[-1]:.6f}")
