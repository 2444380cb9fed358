# the session survives an error: model and optimizer are still here
print(epoch, round(loss.item(), 4))
print(model[0].bias)
print(torch.randn(3))
