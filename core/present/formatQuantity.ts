const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** 1500 thousandths -> "1,5"; 2000 -> "2"; 1234000 -> "1.234". */
export function formatQuantity(milli: number): string {
  const sign = milli < 0 ? '-' : '';
  const abs = Math.abs(milli);
  const fraction = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${sign}${groupThousands(String(Math.floor(abs / 1000)))}${fraction ? ',' + fraction : ''}`;
}

/** 1250 basis points -> "12,5%"; none -> "". */
export function formatDiscount(basisPoints: number): string {
  if (basisPoints === 0) return '';
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${Math.floor(basisPoints / 100)}${fraction ? ',' + fraction : ''}%`;
}

/** 1234 -> "1.234": a count the Chilean way. */
export const formatCount = (value: number): string => (value < 0 ? '-' : '') + groupThousands(String(Math.abs(value)));
