print("the next line fails")
model(torch.ones(1, 2, 8))
