import { ORDER_STATUSES, OrderStateMachine } from './order-state';

describe('OrderStateMachine', () => {
  const allowed = [
    ['pending_payment', 'paid'],
    ['pending_payment', 'cancelled'],
    ['paid', 'shipped'],
    ['paid', 'cancelled'],
    ['shipped', 'delivered'],
  ];

  it.each(OrderStateMachine.allPairs())('$from → $to allowed=$allowed', ({ from, to, allowed: ok }) => {
    expect(ok).toBe(allowed.some(([f, t]) => f === from && t === to));
    expect(OrderStateMachine.canMove(from, to)).toBe(ok);
  });

  it('has final states with no way out', () => {
    for (const to of ORDER_STATUSES) {
      expect(OrderStateMachine.canMove('delivered', to)).toBe(false);
      expect(OrderStateMachine.canMove('cancelled', to)).toBe(false);
    }
  });
});
