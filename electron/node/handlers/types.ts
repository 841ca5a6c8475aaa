import type { MethodName, MethodOutput, MethodParsedInput } from '../../common/contract/index.js';
import type { HandlerContext } from '../context.js';

export type Handler<M extends MethodName> = (ctx: HandlerContext, input: MethodParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** One handler per contract method: a method without a handler is a compile error. */
export type Handlers = { [M in MethodName]: Handler<M> };

export type HandlersFor<K extends MethodName> = { [M in K]: Handler<M> };
