// torch's classes as Python objects: what type(x) returns and isinstance(x, cls) tests (torch.Tensor, torch.Size,
// nn.Parameter, nn.Module); nn.Conv1d and the other module classes are ModuleClass objects (modules.js).
import { PyObject } from '../values.js';
import { notSupported } from './errors.js';

export class HostClass extends PyObject {
  /**
   * `qualified`: the name torch prints (`torch.nn.parameter.Parameter`); `test(value)`: isinstance; `construct(args,
   * kwargs)`: what calling the class does (null: NotImplementedError, a class the subset does not construct).
   */
  constructor(qualified, test, construct = null) {
    super();
    this.qualified = qualified;
    this.test = test;
    this.construct = construct;
  }

  get typeName() { return 'type'; }
  get name() { return this.qualified.slice(this.qualified.lastIndexOf('.') + 1); }
  repr() { return `<class '${this.qualified}'>`; }
  isInstance(value) { return this.test(value); }
  getAttr(name) { return name === '__name__' ? this.name : undefined; }
  call(args, kwargs) {
    if (!this.construct) throw notSupported(`calling ${this.qualified}`);
    return this.construct(args, kwargs ?? new Map());
  }
}
