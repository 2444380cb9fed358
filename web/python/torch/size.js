// torch.Size: a tuple of ints that prints as `torch.Size([1, 1, 3])`.
import {
  PyBuiltin, PyException, PyObject, PySlice, PyTuple, NotImplemented, isInt, pyEquals, typeName,
} from '../values.js';
import { notSupported } from './errors.js';
import { HostClass } from './classes.js';
import { sizesArg } from './args.js';

export class TorchSize extends PyObject {
  /** `sizes`: JS numbers. */
  constructor(sizes) {
    super();
    this.sizes = Object.freeze(sizes.slice());
  }

  get typeName() { return 'Size'; }
  get pyClass() { return SIZE_CLASS; }
  repr() { return `torch.Size([${this.sizes.join(', ')}])`; }
  length() { return this.sizes.length; }
  *iterate() { for (const size of this.sizes) yield BigInt(size); }
  truthy() { return this.sizes.length > 0; }

  getItem(key) {
    const n = this.sizes.length;
    if (isInt(key)) {
      const i = Number(key) < 0 ? Number(key) + n : Number(key);
      if (i < 0 || i >= n) throw new PyException('IndexError', 'tuple index out of range');
      return BigInt(this.sizes[i]);
    }
    if (key instanceof PySlice) {
      if (key.step !== null && key.step !== 1n) throw notSupported('a torch.Size slice with a step');
      const bound = (v, fallback) => {
        if (v === null) return fallback;
        const i = Number(v) < 0 ? Number(v) + n : Number(v);
        return Math.min(Math.max(i, 0), n);
      };
      return new TorchSize(this.sizes.slice(bound(key.start, 0), bound(key.stop, n)));
    }
    throw new PyException('TypeError', `tuple indices must be integers or slices, not ${typeName(key)}`);
  }

  compare(op, other) {
    if (op !== '==' && op !== '!=') return NotImplemented;
    if (!(other instanceof TorchSize) && !(other instanceof PyTuple)) return NotImplemented;
    const items = other instanceof TorchSize ? [...other.iterate()] : other.items;
    const equal = items.length === this.sizes.length && items.every((item, i) => pyEquals(item, BigInt(this.sizes[i])));
    return op === '==' ? equal : !equal;
  }

  binaryOp(op, other, reflected) {
    if (op !== '+' || !(other instanceof PyTuple || other instanceof TorchSize)) return NotImplemented;
    const items = other instanceof TorchSize ? [...other.iterate()] : other.items;
    if (!items.every(isInt)) return NotImplemented;
    const mine = [...this.iterate()];
    const all = reflected ? [...items, ...mine] : [...mine, ...items];
    return new TorchSize(all.map(Number));
  }

  getAttr(name) {
    if (name === 'numel') return new PyBuiltin('numel', () => BigInt(this.sizes.reduce((a, b) => a * b, 1)));
    return undefined;
  }
}

export const SIZE_CLASS = new HostClass('torch.Size', (value) => value instanceof TorchSize,
  (args) => new TorchSize(args.length ? sizesArg([args[0]], 'Size()') : []));
