package dev.machine.core.list;

import java.math.BigInteger;
import java.util.Comparator;

/** Natural order of names ({@code m2} before {@code m10}), case-insensitive, as {@code ls} sorts. */
public final class NaturalOrder implements Comparator<String> {
  public static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    String x = a.toLowerCase();
    String y = b.toLowerCase();
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      char cx = x.charAt(i);
      char cy = y.charAt(j);
      if (Character.isDigit(cx) && Character.isDigit(cy)) {
        int ei = digitsEnd(x, i);
        int ej = digitsEnd(y, j);
        int c = new BigInteger(x.substring(i, ei)).compareTo(new BigInteger(y.substring(j, ej)));
        if (c != 0) {
          return c;
        }
        i = ei;
        j = ej;
      } else {
        if (cx != cy) {
          return Character.compare(cx, cy);
        }
        i++;
        j++;
      }
    }
    int c = Integer.compare(x.length() - i, y.length() - j);
    return c != 0 ? c : a.compareTo(b);
  }

  private static int digitsEnd(String s, int from) {
    int k = from;
    while (k < s.length() && Character.isDigit(s.charAt(k))) {
      k++;
    }
    return k;
  }
}
