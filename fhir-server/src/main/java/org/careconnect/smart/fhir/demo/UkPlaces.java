package org.careconnect.smart.fhir.demo;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hl7.fhir.dstu3.model.Address;

/**
 * Plausible UK addresses and telephone numbers. Postcodes have the right shape and the real
 * postcode area of their town but are otherwise invented; telephone numbers come from the
 * ranges Ofcom keeps for drama (01632 960xxx, 07700 900xxx), so none can ring a real line.
 */
final class UkPlaces {

  /** A town, its county and its postcode area. */
  record Town(String name, String county, String postcodeArea) {}

  private static final List<Town> TOWNS =
      List.of(
          new Town("Leeds", "West Yorkshire", "LS"),
          new Town("Bradford", "West Yorkshire", "BD"),
          new Town("Sheffield", "South Yorkshire", "S"),
          new Town("York", "North Yorkshire", "YO"),
          new Town("Manchester", "Greater Manchester", "M"),
          new Town("Liverpool", "Merseyside", "L"),
          new Town("Birmingham", "West Midlands", "B"),
          new Town("Nottingham", "Nottinghamshire", "NG"),
          new Town("Leicester", "Leicestershire", "LE"),
          new Town("Newcastle upon Tyne", "Tyne and Wear", "NE"),
          new Town("Bristol", "Bristol", "BS"),
          new Town("Exeter", "Devon", "EX"),
          new Town("Norwich", "Norfolk", "NR"),
          new Town("Cambridge", "Cambridgeshire", "CB"),
          new Town("Oxford", "Oxfordshire", "OX"),
          new Town("Reading", "Berkshire", "RG"),
          new Town("Southampton", "Hampshire", "SO"),
          new Town("Brighton", "East Sussex", "BN"),
          new Town("Cardiff", "South Glamorgan", "CF"),
          new Town("Swansea", "West Glamorgan", "SA"));

  private static final List<String> STREETS =
      List.of(
          "High Street", "Station Road", "Church Lane", "Victoria Road", "Green Lane",
          "Manor Road", "Park Avenue", "Queens Road", "Mill Lane", "The Crescent", "Kings Road",
          "New Road", "Grange Road", "Chapel Street", "Springfield Road", "Albert Road",
          "Windsor Road", "Highfield Road", "York Road", "London Road", "Oak Tree Close",
          "Meadow View", "Beech Grove", "Willow Way", "St John's Road", "Moor Lane");

  private static final List<String> PRACTICE_NAMES =
      List.of(
          "Medical Centre", "Surgery", "Health Centre", "Medical Practice", "Family Practice");

  /** Letters used in the inward part of a postcode (never C, I, K, M, O or V). */
  private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

  private UkPlaces() {}

  static Town town(SplittableRandom random) {
    return UkNames.pick(random, TOWNS);
  }

  static String street(SplittableRandom random) {
    return UkNames.pick(random, STREETS);
  }

  static String practiceName(SplittableRandom random, Town town) {
    String street = street(random).replace(" Road", "").replace(" Street", "").replace(" Lane", "");
    return (random.nextBoolean() ? street : town.name()) + " " + UkNames.pick(random, PRACTICE_NAMES);
  }

  static String postcode(SplittableRandom random, Town town) {
    return town.postcodeArea()
        + (1 + random.nextInt(20))
        + " "
        + random.nextInt(10)
        + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
        + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
  }

  /** An address in a town; {@code use} home for people, work for practices. */
  static Address address(SplittableRandom random, Town town, Address.AddressUse use) {
    return new Address()
        .setUse(use)
        .setType(Address.AddressType.BOTH)
        .addLine((1 + random.nextInt(180)) + " " + street(random))
        .setCity(town.name())
        .setDistrict(town.county())
        .setPostalCode(postcode(random, town))
        .setCountry("GBR");
  }

  static String landline(SplittableRandom random) {
    return String.format(Locale.ROOT, "01632 960%03d", random.nextInt(1000));
  }

  static String mobile(SplittableRandom random) {
    return String.format(Locale.ROOT, "07700 900%03d", random.nextInt(1000));
  }
}
