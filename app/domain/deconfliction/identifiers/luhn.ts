/** Luhn (mod 10) check digit of a digit string. */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  // double every second digit from the right of the body
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function luhnValid(digits: string): boolean {
  return digits.length > 1 && luhnCheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1]);
}
