// A one-node ONNX model (Conv, opset 13) written as protobuf bytes by hand: field numbers from onnx.proto3.
// Enough of the wire format for this: varints, length-delimited fields, little-endian float32 raw_data.

const varint = (value) => {
  const out = [];
  let v = BigInt(value);
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    out.push(byte);
  } while (v !== 0n);
  return out;
};
const key = (field, wire) => varint((field << 3) | wire);
const int = (field, value) => [...key(field, 0), ...varint(value)];
const bytes = (field, data) => [...key(field, 2), ...varint(data.length), ...data];
const str = (field, text) => bytes(field, [...new TextEncoder().encode(text)]);
const msg = (field, parts) => bytes(field, parts.flat());

const FLOAT = 1;  // TensorProto.DataType.FLOAT
const ATTR_INT = 2;
const ATTR_INTS = 7;

// AttributeProto: name 1, i 3, ints 8, type 20.
const attrInts = (name, values) => msg(5, [str(1, name), ...values.map((v) => int(8, v)), int(20, ATTR_INTS)]);
const attrInt = (name, value) => msg(5, [str(1, name), int(3, value), int(20, ATTR_INT)]);

// TensorProto: dims 1, data_type 2, name 8, raw_data 9.
const initializer = (name, dims, data) =>
  msg(5, [...dims.map((d) => int(1, d)), int(2, FLOAT), str(8, name), bytes(9, [...new Uint8Array(data.buffer, data.byteOffset, data.byteLength)])]);

// ValueInfoProto: name 1, type 2 -> TypeProto.tensor_type 1 -> elem_type 1, shape 2 -> dim 1 -> dim_value 1.
const valueInfo = (field, name, dims) =>
  msg(field, [str(1, name), msg(2, [msg(1, [int(1, FLOAT), msg(2, dims.map((d) => msg(1, [int(1, d)])))])])]);

/** Conv over input x [N, C_in, L] with weight [C_out, C_in/groups, k] and optional bias [C_out]. */
export function conv1dModel({ inputShape, outputShape, weight, weightShape, bias, stride, pad, dilation, groups }) {
  const inputs = bias ? ['x', 'w', 'b'] : ['x', 'w'];
  // NodeProto: input 1, output 2, op_type 4, attribute 5.
  const node = msg(1, [
    ...inputs.map((name) => str(1, name)),
    str(2, 'y'),
    str(4, 'Conv'),
    attrInts('dilations', [dilation]),
    attrInt('group', groups),
    attrInts('kernel_shape', [weightShape[2]]),
    attrInts('pads', [pad, pad]),
    attrInts('strides', [stride]),
  ]);
  // GraphProto: node 1, name 2, initializer 5, input 11, output 12.
  const graph = msg(7, [
    node,
    str(2, 'conv1d'),
    initializer('w', weightShape, weight),
    ...(bias ? [initializer('b', [bias.length], bias)] : []),
    valueInfo(11, 'x', inputShape),
    valueInfo(12, 'y', outputShape),
  ]);
  // ModelProto: ir_version 1, producer_name 2, graph 7, opset_import 8 (OperatorSetIdProto: domain 1, version 2).
  return new Uint8Array([...int(1, 8), ...str(2, 'conv1d-playground bench'), ...graph, ...msg(8, [str(1, ''), int(2, 13)])]);
}
