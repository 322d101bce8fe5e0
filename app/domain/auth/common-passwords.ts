// Passwords of 12 characters or more that top the public breach lists; compared case-insensitively.
export const COMMON_PASSWORDS = new Set([
  "123456789012", "1234567890123", "12345678901234", "123456789abc", "1q2w3e4r5t6y",
  "1qaz2wsx3edc", "aaaaaaaaaaaa", "abc123456789", "abcdefghijkl", "administrator",
  "adminadmin123", "asdfghjkl123", "changeme1234", "concordia123", "concordia2026",
  "football1234", "iloveyou1234", "letmein12345", "monkey123456", "password1234",
  "password12345", "password123!", "passw0rd1234", "password2024", "password2025",
  "password2026", "p@ssw0rd1234", "princess1234", "qwerty123456", "qwertyuiop12",
  "qwertyuiopas", "starwars1234", "sunshine1234", "trustno11234", "welcome12345",
  "welcome123456", "zxcvbnm12345", "qazwsxedcrfv", "1234qwerasdf", "q1w2e3r4t5y6",
  "000000000000", "111111111111", "123123123123", "121212121212", "987654321098",
  "superman1234", "baseball1234", "dragon123456", "master123456", "shadow123456",
  "michael12345", "jennifer1234", "hunter123456", "computer1234", "whatever1234",
  "internet1234", "europol12345", "polizei12345", "passwort1234", "motdepasse12",
]);
