package org.careconnect.smart.fhir.demo;

import java.util.List;
import java.util.SplittableRandom;

/** Plausible UK names from small built-in lists; any likeness to a real person is chance. */
final class UkNames {

  private static final List<String> FEMALE_GIVEN =
      List.of(
          "Olivia", "Amelia", "Isla", "Ava", "Mia", "Grace", "Sophie", "Emily", "Lily", "Freya",
          "Chloe", "Ella", "Jessica", "Charlotte", "Evie", "Poppy", "Hannah", "Ruby", "Megan",
          "Lucy", "Sarah", "Emma", "Rebecca", "Laura", "Claire", "Helen", "Susan", "Margaret",
          "Patricia", "Elizabeth", "Joan", "Dorothy", "Janet", "Karen", "Nicola", "Priya", "Aisha",
          "Fatima", "Zara", "Siobhan", "Niamh", "Eilidh", "Catrin", "Rhiannon", "Agnieszka");

  private static final List<String> MALE_GIVEN =
      List.of(
          "Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Oscar", "Charlie",
          "Jacob", "Thomas", "James", "William", "Alfie", "Joshua", "Henry", "Daniel", "Samuel",
          "Benjamin", "Edward", "David", "John", "Michael", "Peter", "Paul", "Richard", "Robert",
          "Stephen", "Andrew", "Christopher", "Mark", "Ian", "Graham", "Keith", "Alan", "Raj",
          "Mohammed", "Imran", "Ravi", "Callum", "Ewan", "Rhys", "Dafydd", "Cian", "Tomasz");

  private static final List<String> FAMILY =
      List.of(
          "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
          "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards",
          "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood",
          "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King",
          "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis",
          "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook",
          "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox",
          "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh",
          "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason",
          "Ali", "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills",
          "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens",
          "Jenkins", "MacDonald", "Reid", "Fraser", "O'Brien", "Nowak", "Ahmed", "Chen");

  private UkNames() {}

  static String given(SplittableRandom random, boolean female) {
    return pick(random, female ? FEMALE_GIVEN : MALE_GIVEN);
  }

  static String family(SplittableRandom random) {
    return pick(random, FAMILY);
  }

  static <T> T pick(SplittableRandom random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
