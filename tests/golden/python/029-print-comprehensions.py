squares = [i * i for i in range(6)]
print(squares)
evens = [i for i in range(10) if i % 2 == 0]
print(evens)
pairs = [(i, j) for i in range(3) for j in range(2)]
print(pairs)
nested = [[i + j for j in range(3)] for i in range(2)]
print(nested)
print(sum([x / 2 for x in squares]))
