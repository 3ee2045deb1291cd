// Angles: tour.json, hall.yaml and deep links speak degrees; PSV speaks radians. One name per direction.

/** Radians for an angle in degrees. */
export function toRadians(degrees) {
    return (degrees * Math.PI) / 180;
}

/** Degrees for an angle in radians. */
export function toDegrees(radians) {
    return (radians * 180) / Math.PI;
}
