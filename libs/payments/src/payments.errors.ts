import { NotFoundError, ConflictError } from '@farmlink/shared';

export class PaymentNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Payment', id);
  }
}

export class PaymentStateError extends ConflictError {
  constructor(id: string, status: string) {
    super(`Payment ${id} is ${status}`, { status });
  }
}
