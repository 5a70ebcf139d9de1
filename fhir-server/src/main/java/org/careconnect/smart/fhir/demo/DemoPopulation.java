package org.careconnect.smart.fhir.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * A synthetic UK population in Care Connect STU3 shape, the same for the same seed and size:
 * GP practices with their surgeries and GPs, the medicines prescribed, and patients with their
 * consultations, vital signs, laboratory results, problems, allergies, medication,
 * immunisations and procedures.
 *
 * <p>Only the practices and medicines (a few hundred resources at most) are kept; patients are
 * generated one at a time as {@link #patients()} is iterated, so a population of 100,000 patients
 * never sits in memory. Every reference points at a resource of the same population.
 */
public final class DemoPopulation {

  /**
   * The day the population is generated as of. Fixed rather than today, so that a seed gives the
   * same resources whenever it is generated; all clinical data lies in the years before it.
   */
  public static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

  private final long seed;
  private final int patientCount;
  private final List<Practice> practices;

  public DemoPopulation(long seed, int patientCount) {
    if (patientCount < 0) {
      throw new IllegalArgumentException("A population cannot have " + patientCount + " patients");
    }
    this.seed = seed;
    this.patientCount = patientCount;
    SplittableRandom random = new SplittableRandom(mix(seed, -1));
    List<Practice> made = new ArrayList<>();
    for (int i = 0; i < PracticeGenerator.practiceCount(patientCount); i++) {
      made.add(PracticeGenerator.practice(random, i));
    }
    this.practices = List.copyOf(made);
  }

  public int patientCount() {
    return patientCount;
  }

  /**
   * The resources shared by patients, to be written before them: Organization, Location,
   * Practitioner and PractitionerRole of every practice, and a Medication per medicine.
   */
  public List<Resource> sharedResources() {
    List<Resource> shared = new ArrayList<>();
    practices.forEach(practice -> shared.addAll(practice.resources()));
    Arrays.stream(Medicine.values()).map(Medicine::resource).forEach(shared::add);
    return shared;
  }

  /**
   * The patients in order, each as the list of its resources (the Patient first). Each call
   * starts again from the first patient and yields the same resources.
   */
  public Iterable<List<Resource>> patients() {
    return () ->
        new Iterator<>() {
          private final NhsNumberTestRange nhsNumbers = new NhsNumberTestRange(seed);
          private int next;

          @Override
          public boolean hasNext() {
            return next < patientCount;
          }

          @Override
          public List<Resource> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            int number = ++next;
            return patient(number, nhsNumbers.next());
          }
        };
  }

  private List<Resource> patient(int number, String nhsNumber) {
    SplittableRandom random = new SplittableRandom(mix(seed, number));
    Practice practice = practices.get(random.nextInt(practices.size()));
    PatientRecord record = new PatientRecord(number, random, AS_OF, practice);
    Demographics.generate(record, nhsNumber);
    Map<ChronicCondition, Condition> problems = Problems.generate(record);
    Consultations.generate(record, problems.keySet());
    Prescriptions.generate(record, problems);
    Allergies.generate(record);
    Immunisations.generate(record, problems.keySet());
    Procedures.generate(record, problems.keySet());
    return record.resources();
  }

  /** SplitMix64's finaliser over seed and stream, so neighbouring patients are unrelated. */
  private static long mix(long seed, long stream) {
    long z = seed + (stream + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
